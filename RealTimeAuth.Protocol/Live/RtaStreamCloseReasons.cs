namespace RealTimeAuth.Protocol.Live;

/// <summary>Why the server closed a stream whose session is still active. A wire contract: a code is never renamed.</summary>
public static class RtaStreamCloseReasons
{
    /// <summary>The stream's client did not drain its queue; it should reconnect.</summary>
    public const string StreamOverloaded = "stream-overloaded";

    /// <summary>
    /// The stream's client stopped taking messages: more than <c>LiveChannel:MaxPendingMessages</c> sent and not
    /// acknowledged, or one write blocked longer than <c>LiveChannel:WriteTimeout</c>. The session stays active; the client
    /// should read (and acknowledge) what it is sent, then reconnect.
    /// </summary>
    public const string StreamStalled = "stream-stalled";

    /// <summary>A gRPC stream did not start with <c>Hello</c>.</summary>
    public const string HelloExpected = "hello-expected";

    /// <summary>
    /// A newer stream of the same session opened with a valid proof of the session's key (the client reconnected): one
    /// key holds one live stream. The client that holds the key already has the newer stream; it should not reconnect this one.
    /// </summary>
    public const string Superseded = "superseded";
}
