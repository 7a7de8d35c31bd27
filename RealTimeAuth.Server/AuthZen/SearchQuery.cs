using System.Text.Json;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>A parsed search request: the access request, the page asked for, and a canonical key of the query for page tokens.</summary>
internal sealed record SearchQuery(AccessRequest Request, string? Token, int Limit, string Key)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static SearchQuery Read(string kind, JsonElement root, PolicySnapshot? policy)
    {
        var request = AccessRequestReader.Read(root);
        string? token = null;
        var limit = DefaultLimit;
        if (AccessRequestReader.Member(root, "page", JsonValueKind.Object) is { } page)
        {
            token = AccessRequestReader.Member(page, "token", JsonValueKind.String)?.GetString();
            if (AccessRequestReader.Member(page, "limit", JsonValueKind.Number) is { } number
                && (!number.TryGetInt32(out limit) || limit < 1 || limit > MaxLimit))
            {
                throw new JsonException($"page.limit must be an integer from 1 to {MaxLimit}.");
            }
        }

        var key = string.Join('\u001f',
            kind, policy?.Version, request.Subject?.Type, request.Subject?.Id, request.Action, request.Resource?.Type, request.Resource?.Id,
            Properties(request.Resource?.Properties), Properties(request.Subject?.Properties),
            request.Context?.GetRawText());
        return new SearchQuery(request, string.IsNullOrEmpty(token) ? null : token, limit, key);
    }

    private static string Properties(IReadOnlyDictionary<string, string>? properties) =>
        properties is null ? string.Empty : string.Join('\u001e', properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
}
