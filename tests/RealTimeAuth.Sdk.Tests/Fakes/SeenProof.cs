namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>A proof a fake verified: the key it was made with and its one-time id.</summary>
internal sealed record SeenProof(string KeyThumbprint, string Jti);
