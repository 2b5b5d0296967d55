#!/usr/bin/env python3
"""Runs Confluent's official Python client (confluent-kafka) against a schema registry, for the conformance ITs.

Subcommands (all print one JSON object on stdout):
  serialize   --registry URL --topic T --schema-file F --record-json J --out BYTES_FILE [--key]
              AvroSerializer with auto-registration; writes the Kafka value/key bytes, prints {"schema_id", "subject"}.
  deserialize --registry URL --topic T --in BYTES_FILE [--key]
              AvroDeserializer (writer schema from the registry); prints the record.
  register    --registry URL --subject S --schema-file F
              SchemaRegistryClient.register_schema; prints {"id"}.
  set-compatibility --registry URL --subject S --level L
              SchemaRegistryClient.set_compatibility then get_compatibility; prints both answers.

Registry errors exit with status 2 and print {"http_status", "error_code", "message"}.
JSON conventions: Avro decimals are strings ("1234.50") so money stays exact; bytes are base64.
"""
import argparse
import base64
import decimal
import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.serialization import MessageField, SerializationContext


def _named_types(schema, names=None, namespace=None):
    """Collects named types by full name so references like "Address" can be resolved while converting."""
    names = {} if names is None else names
    if isinstance(schema, list):
        for branch in schema:
            _named_types(branch, names, namespace)
    elif isinstance(schema, dict):
        kind = schema.get("type")
        if kind in ("record", "enum", "fixed"):
            namespace = schema.get("namespace", namespace)
            name = schema["name"]
            full = name if "." in name or not namespace else namespace + "." + name
            names[full] = schema
            names[name] = schema
            for field in schema.get("fields", []):
                _named_types(field["type"], names, namespace)
        elif kind == "array":
            _named_types(schema["items"], names, namespace)
        elif kind == "map":
            _named_types(schema["values"], names, namespace)
    return names


def _convert(value, schema, names, to_python):
    """Maps JSON values to Python Avro values (to_python) or back, following the schema."""
    if value is None:
        return None
    if isinstance(schema, str):
        schema = names.get(schema, schema)
    if isinstance(schema, list):
        # Unions: a JSON value is written bare (not {"type": value}); take the first branch that converts.
        for branch in schema:
            if branch == "null":
                continue
            try:
                return _convert(value, branch, names, to_python)
            except (TypeError, ValueError, KeyError, decimal.InvalidOperation):
                continue
        raise ValueError("value %r matches no branch of union %r" % (value, schema))
    if isinstance(schema, dict):
        kind = schema.get("type")
        if schema.get("logicalType") == "decimal" and kind in ("bytes", "fixed"):
            return decimal.Decimal(str(value)) if to_python else str(value)
        if kind == "record":
            return {f["name"]: _convert(value.get(f["name"]), f["type"], names, to_python)
                    for f in schema["fields"] if f["name"] in value}
        if kind == "array":
            return [_convert(v, schema["items"], names, to_python) for v in value]
        if kind == "map":
            return {k: _convert(v, schema["values"], names, to_python) for k, v in value.items()}
        if isinstance(kind, (str, list, dict)) and kind not in ("enum", "fixed", "bytes"):
            return _convert(value, kind, names, to_python)
        schema = kind
    if schema in ("bytes", "fixed"):
        return base64.b64decode(value) if to_python else base64.b64encode(value).decode("ascii")
    return value


def _fail(error):
    print(json.dumps({"http_status": error.http_status_code, "error_code": error.error_code,
                      "message": error.error_message}))
    sys.exit(2)


def _context(args):
    return SerializationContext(args.topic, MessageField.KEY if args.key else MessageField.VALUE)


def serialize(args, client):
    with open(args.schema_file, encoding="utf-8") as f:
        schema_str = f.read()
    schema = json.loads(schema_str)
    record = _convert(json.loads(args.record_json), schema, _named_types(schema), True)
    serializer = AvroSerializer(client, schema_str, conf={"auto.register.schemas": True})
    data = serializer(record, _context(args))
    with open(args.out, "wb") as f:
        f.write(data)
    subject = args.topic + ("-key" if args.key else "-value")
    print(json.dumps({"schema_id": int.from_bytes(data[1:5], "big"), "subject": subject}))


def deserialize(args, client):
    with open(getattr(args, "in"), "rb") as f:
        data = f.read()
    record = AvroDeserializer(client)(data, _context(args))
    schema_id = int.from_bytes(data[1:5], "big")
    writer = json.loads(client.get_schema(schema_id).schema_str)
    print(json.dumps(_convert(record, writer, _named_types(writer), False), sort_keys=True))


def register(args, client):
    with open(args.schema_file, encoding="utf-8") as f:
        schema_id = client.register_schema(args.subject, Schema(f.read(), "AVRO"))
    print(json.dumps({"id": schema_id}))


def set_compatibility(args, client):
    answer = client.set_compatibility(args.subject, args.level)
    print(json.dumps({"set": answer, "compatibilityLevel": client.get_compatibility(args.subject)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    ser = commands.add_parser("serialize")
    ser.add_argument("--topic", required=True)
    ser.add_argument("--schema-file", required=True)
    ser.add_argument("--record-json", required=True)
    ser.add_argument("--out", required=True)
    ser.add_argument("--key", action="store_true")
    de = commands.add_parser("deserialize")
    de.add_argument("--topic", required=True)
    de.add_argument("--in", required=True)
    de.add_argument("--key", action="store_true")
    reg = commands.add_parser("register")
    reg.add_argument("--subject", required=True)
    reg.add_argument("--schema-file", required=True)
    compat = commands.add_parser("set-compatibility")
    compat.add_argument("--subject", required=True)
    compat.add_argument("--level", required=True)
    for sub in (ser, de, reg, compat):
        sub.add_argument("--registry", required=True, help="schema registry base URL")
    args = parser.parse_args()

    client = SchemaRegistryClient({"url": args.registry})
    handlers = {"serialize": serialize, "deserialize": deserialize, "register": register,
                "set-compatibility": set_compatibility}
    try:
        handlers[args.command](args, client)
    except SchemaRegistryError as error:
        _fail(error)


if __name__ == "__main__":
    main()
