package io.happyos.samples.calculator.internal;

import io.happyos.samples.calculator.Calculator;
import io.happyos.samples.logger.LoggerService;
import io.happyos.samples.util.Numbers;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates one operator between two numbers and logs each result to the HappyOS log. */
final class BinaryCalculator implements Calculator {

    private static final Pattern EXPRESSION =
            Pattern.compile("\\s*(-?[\\d,]+(?:\\.\\d+)?)\\s*([-+*/])\\s*(-?[\\d,]+(?:\\.\\d+)?)\\s*");

    private final Supplier<LoggerService> log;

    BinaryCalculator(Supplier<LoggerService> log) {
        this.log = log;
    }

    @Override
    public String evaluate(String expression) {
        Matcher matcher = EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Not an expression of the form '<number> <+-*/> <number>': " + expression);
        }
        double result =
                apply(Numbers.parse(matcher.group(1)), matcher.group(2).charAt(0), Numbers.parse(matcher.group(3)));
        String text = Numbers.format(result, 2);
        LoggerService logger = log.get();
        if (logger != null) {
            logger.info("calculator-skill", expression.strip() + " = " + text);
        }
        return text;
    }

    @Override
    public double apply(double left, char operator, double right) {
        return switch (operator) {
            case '+' -> left + right;
            case '-' -> left - right;
            case '*' -> left * right;
            case '/' -> {
                if (right == 0) {
                    throw new ArithmeticException("Division by zero");
                }
                yield left / right;
            }
            default -> throw new IllegalArgumentException("Unknown operator: " + operator);
        };
    }
}
