namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// One lexeme. <see cref="Text"/> is its source text; a string literal's decoded value is in
/// <see cref="StringValue"/>, an integer's magnitude in <see cref="IntMagnitude"/> (the parser applies a
/// leading minus, so <c>-9223372036854775808</c> reads), a double's value in <see cref="DoubleValue"/>.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public string? StringValue { get; init; }

    public ulong IntMagnitude { get; init; }

    public double DoubleValue { get; init; }

    public string Describe() => Kind == TokenKind.End ? "end of condition" : $"'{Text}'";
}
