namespace RealTimeAuth.Server.AuthZen;

/// <summary>An AuthZEN subject or resource as read from a request: type, id and properties, any of them absent.</summary>
internal sealed record EntityReference(string? Type, string? Id, IReadOnlyDictionary<string, string>? Properties);
