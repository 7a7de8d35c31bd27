namespace RealTimeAuth.Protocol.Live;

/// <summary>Why the server closed a stream whose session is still active. A wire contract: a code is never renamed.</summary>
public static class RtaStreamCloseReasons
{
    /// <summary>The stream's client did not drain its queue; it should reconnect.</summary>
    public const string StreamOverloaded = "stream-overloaded";

    /// <summary>A gRPC stream did not start with <c>Hello</c>.</summary>
    public const string HelloExpected = "hello-expected";
}
