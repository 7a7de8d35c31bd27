using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>One Authorize call the fake server received: with a stream binding, or with a verified proof, or refused.</summary>
internal sealed record FakeAuthorizeCall(AuthorizeRequest Request, string? Authorization, string ConnectionId)
{
    public string? StreamBinding { get; init; }

    public SeenProof? Proof { get; init; }

    public string? Refusal { get; init; }
}
