using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RealTimeAuth.DevIdp.Tests.Infrastructure;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>Calls to the transmitter as a receiver makes them: a client-credentials token, JSON bodies.</summary>
internal static class Transmitter
{
    public static async Task<string> ManagementTokenAsync(HttpClient client, CancellationToken cancellationToken, string clientId = "rta-server",
        string secret = DemoAccounts.RtaServerSecret, string scope = "ssf.manage")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await client.SendAsync(request, cancellationToken);
        var tokens = await TokenResponse.ReadAsync(response, cancellationToken);
        return tokens.AccessToken ?? throw new InvalidOperationException($"No management token: {tokens.Error}");
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(
        HttpClient client, HttpMethod method, string path, string? token, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonObject> TriggerAsync(HttpClient client, string user, string action, object? body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/ssf/v1/triggers/{Uri.EscapeDataString(user)}/{action}", body ?? new { }, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
    }
}
