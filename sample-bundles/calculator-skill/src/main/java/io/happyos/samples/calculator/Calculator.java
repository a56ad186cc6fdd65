package io.happyos.samples.calculator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Evaluates binary arithmetic such as {@code "12.5 * 4"}. Published as a service with the property
 * {@code happyos.component.name=calculator-skill}.
 */
@ProviderType
public interface Calculator {

    /**
     * Evaluates {@code <number> <op> <number>}, where op is one of {@code + - * /}.
     *
     * @param expression the expression
     * @return the result, formatted with at most two decimals, e.g. {@code "1,250"}
     * @throws IllegalArgumentException when the expression is malformed
     * @throws ArithmeticException on division by zero
     */
    String evaluate(String expression);

    /**
     * Applies one operation.
     *
     * @param left the left operand
     * @param operator one of {@code + - * /}
     * @param right the right operand
     * @return the result
     * @throws IllegalArgumentException for an unknown operator
     * @throws ArithmeticException on division by zero
     */
    double apply(double left, char operator, double right);
}
