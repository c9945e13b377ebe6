package com.vigil.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a password without echo from the console, or one line from standard input when there is no console
 * (scripts). Never from the command line, where other users could see it in the process list.
 */
@FunctionalInterface
interface PasswordReader {
    char[] read(String prompt);

    PasswordReader SYSTEM = prompt -> {
        Console c = System.console();
        if (c != null) {
            return c.readPassword("%s", prompt);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            return new char[0];
        }
    };
}
