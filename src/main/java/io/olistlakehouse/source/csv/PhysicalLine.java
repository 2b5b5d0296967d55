package io.olistlakehouse.source.csv;

/**
 * One physical line of a text file: its 1-based number, its text, and the terminator that ended it ("\r\n", "\n",
 * or "" for a last line without one). The terminator is kept so a quoted newline is reproduced exactly.
 */
record PhysicalLine(long number, String text, String terminator) {}
