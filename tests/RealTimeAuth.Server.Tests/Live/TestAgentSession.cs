using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// A session made for a test, its first token and the agent's proof writer (signing with the session's key). Tests
/// that only need the session and token deconstruct it in two.
/// </summary>
public sealed record TestAgentSession(SessionState Session, string Token, DpopProofWriter Proofs)
{
    public void Deconstruct(out SessionState session, out string token)
    {
        session = Session;
        token = Token;
    }

    /// <summary>A proof for a request to <paramref name="uri"/> carrying <paramref name="token"/> (this session's first by default).</summary>
    public string Proof(string method, Uri uri, string? token = null, string? nonce = null) =>
        Proofs.Write(method, uri.ToString(), DpopAccessTokenHash.Compute(token ?? Token), nonce);

    /// <summary>gRPC metadata: the token and a fresh proof for a call to <paramref name="uri"/>.</summary>
    public Metadata GrpcHeaders(Uri uri, string? token = null) => new()
    {
        { "authorization", "RTA " + (token ?? Token) },
        { "dpop", Proof("POST", uri, token) },
    };
}
