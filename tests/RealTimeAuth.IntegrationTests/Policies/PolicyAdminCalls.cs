using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>The policy admin API over HTTP, as the admin console calls it, with raw JSON answers.</summary>
internal static class PolicyAdminCalls
{
    public static Task<(HttpStatusCode Status, JsonElement Body)> CreateDraftAsync(
        ServerHost server, string token, string policy, string comment, CancellationToken cancellationToken) =>
        SendAsync(server, token, HttpMethod.Post, "admin/v1/policies", $$"""{ "document": {{policy}}, "comment": {{JsonSerializer.Serialize(comment)}} }""", cancellationToken);

    public static async Task<int> CreateDraftVersionAsync(ServerHost server, string token, string policy, CancellationToken cancellationToken)
    {
        var (status, body) = await CreateDraftAsync(server, token, policy, "integration test", cancellationToken);
        Assert.True(status == HttpStatusCode.Created, $"Creating a draft answered {(int)status}: {body}");
        Assert.Equal("draft", body.GetProperty("status").GetString());
        return body.GetProperty("version").GetInt32();
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> PublishAsync(
        ServerHost server, string? token, int version, string reason, CancellationToken cancellationToken) =>
        SendAsync(server, token, HttpMethod.Post, $"admin/v1/policies/{version}/publish", JsonSerializer.Serialize(new { reason }), cancellationToken);

    public static async Task<JsonElement> PublishVersionAsync(ServerHost server, string token, int version, string reason, CancellationToken cancellationToken)
    {
        var (status, body) = await PublishAsync(server, token, version, reason, cancellationToken);
        Assert.True(status == HttpStatusCode.OK, $"Publishing {version} answered {(int)status}: {body}");
        return body;
    }

    public static async Task<int> PublishNewAsync(ServerHost server, string token, string policy, string reason, CancellationToken cancellationToken)
    {
        var version = await CreateDraftVersionAsync(server, token, policy, cancellationToken);
        await PublishVersionAsync(server, token, version, reason, cancellationToken);
        return version;
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(ServerHost server, string? token, string path, CancellationToken cancellationToken) =>
        SendAsync(server, token, HttpMethod.Get, path, null, cancellationToken);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        ServerHost server, string? token, HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "null" : text);
        return (response.StatusCode, document.RootElement.Clone());
    }
}
