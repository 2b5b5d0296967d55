package io.olistlakehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TestNotebooksTest {

  @Test
  void textOutputsAreStdoutAndPlainResultsOfCodeCellsInOrder() throws Exception {
    String notebook = """
        {"cells": [
          {"cell_type": "markdown", "source": ["# title"]},
          {"cell_type": "code", "outputs": [
            {"output_type": "stream", "name": "stderr", "text": "WARN noise\\n"},
            {"output_type": "stream", "name": "stdout", "text": ["line 1\\n", "line 2\\n"]}]},
          {"cell_type": "code", "outputs": [
            {"output_type": "execute_result", "data": {"text/plain": "42", "text/html": "<b>42</b>"}},
            {"output_type": "display_data", "data": {"image/png": "AAAA"}},
            {"output_type": "stream", "name": "stdout", "text": "product p (c, 2017-02): A -> B\\n"}]}
        ]}
        """;
    assertEquals("line 1\nline 2\n42\nproduct p (c, 2017-02): A -> B\n", TestNotebooks.textOutputs(notebook));
  }
}
