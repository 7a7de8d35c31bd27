using System.Text.Json;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The body of <c>POST /admin/v1/policies</c>: a policy file and an optional comment.</summary>
public sealed record CreatePolicyRequest(JsonElement? Document, string? Comment);
