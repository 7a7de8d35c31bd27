namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>The transmitters configured in the server under test.</summary>
internal static class TestStreams
{
    public const string Issuer = "https://transmitter.test/";
    public const string JwksUri = "https://transmitter.test/jwks.json";
    public const string Audience = "https://rta.test/ssf";

    public const string OtherIssuer = "https://other-transmitter.test/";
    public const string OtherJwksUri = "https://other-transmitter.test/jwks.json";

    public const string UnreachableIssuer = "https://unreachable-transmitter.test/";
    public const string UnreachableJwksUri = "https://unreachable-transmitter.test/jwks.json";

    /// <summary>The IdPs the conformance examples name as their users' issuers; the test transmitter speaks for all of them.</summary>
    public static readonly string[] SubjectIssuers =
    [
        "https://idp.example.com/",
        "https://idp.example.com/3456789/",
        "https://idp.example.com/123456789/",
        "https://idp.example.com/987654321/",
        "https://idp.example.com/3456790/",
        "https://idp.example.com/3957ea72-1b66-44d6-a044-d805712b9288/",
        "https://sp.example2.com/",
        "https://myservice.example3.com/",
        "https://transmitter.example.com",
        "https://idp.test/",
    ];
}
