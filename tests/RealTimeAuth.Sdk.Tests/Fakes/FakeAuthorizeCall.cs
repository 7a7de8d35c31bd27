using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>One Authorize call the fake server received.</summary>
internal sealed record FakeAuthorizeCall(AuthorizeRequest Request, string? Authorization, string ConnectionId);
