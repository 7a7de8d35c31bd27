namespace RealTimeAuth.Fuzz.Tests.Tokens;

/// <summary>The three entry points of <see cref="Protocol.Tokens.RtaTokenValidator"/>.</summary>
internal enum TokenForm
{
    Binary,
    Text,
    Header,
}
