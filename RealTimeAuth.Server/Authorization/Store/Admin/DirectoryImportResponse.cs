namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The answer of <c>PUT /admin/v1/directory</c>: how many subjects the imported directory holds.</summary>
public sealed record DirectoryImportResponse(int Subjects);
