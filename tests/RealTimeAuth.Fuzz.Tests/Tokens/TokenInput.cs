namespace RealTimeAuth.Fuzz.Tests.Tokens;

/// <summary>What reaches the validator: bytes, text, or a header value; <see cref="Original"/> is the valid token it came from, if any.</summary>
internal sealed record TokenInput(TokenForm Form, byte[]? Bytes, string? Text, int? Original);
