namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The answer of <c>PUT /admin/v1/resources</c>: how many resources the imported directory holds.</summary>
public sealed record ResourceDirectoryImportResponse(int Resources);
