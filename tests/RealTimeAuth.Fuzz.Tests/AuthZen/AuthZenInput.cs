namespace RealTimeAuth.Fuzz.Tests.AuthZen;

/// <summary>A body for one AuthZEN route; <see cref="Original"/> is the valid body it was mutated from, if any.</summary>
internal sealed record AuthZenInput(AuthZenEndpoint Endpoint, string ContentType, byte[] Body, int? Original);
