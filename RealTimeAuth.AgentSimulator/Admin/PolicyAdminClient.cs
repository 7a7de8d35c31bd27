using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealTimeAuth.AgentSimulator.Identity;

namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>The server's policy admin API as a security admin calls it, on the same named client and admin token as <see cref="AdminApiClient"/>.</summary>
internal sealed class PolicyAdminClient(IHttpClientFactory httpClients, AdminTokenSource tokens) : IPolicyAdminApi
{
    private const int MaxBodyInMessage = 300;

    public async Task PrepareAsync(CancellationToken cancellationToken) => await GetTokenAsync(cancellationToken).ConfigureAwait(false);

    public async Task<(int Version, JsonObject Document)?> GetActivePolicyAsync(CancellationToken cancellationToken)
    {
        var list = await SendAsync(HttpMethod.Get, "admin/v1/policies", null, cancellationToken).ConfigureAwait(false);
        if (list["activeVersion"] is not JsonValue active)
        {
            return null;
        }

        var version = active.GetValue<int>();
        var detail = await SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"admin/v1/policies/{version}"), null, cancellationToken)
            .ConfigureAwait(false);
        return detail["document"] is JsonObject document
            ? (version, (JsonObject)document.DeepClone())
            : throw new AdminApiException(HttpStatusCode.OK, $"Policy version {version} came without its document.");
    }

    public async Task<int> CreateDraftAsync(JsonObject document, string comment, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["document"] = document.DeepClone(), ["comment"] = comment };
        var created = await SendAsync(HttpMethod.Post, "admin/v1/policies", body, cancellationToken).ConfigureAwait(false);
        return created["version"]?.GetValue<int>() ?? throw new AdminApiException(HttpStatusCode.Created, "The new draft came without a version.");
    }

    public async Task<PolicyPublication> PublishAsync(int version, string reason, CancellationToken cancellationToken)
    {
        var published = await SendAsync(
            HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"admin/v1/policies/{version}/publish"), new JsonObject { ["reason"] = reason }, cancellationToken)
            .ConfigureAwait(false);
        return published.Deserialize<PolicyPublication>(JsonSerializerOptions.Web)
            ?? throw new AdminApiException(HttpStatusCode.OK, "The publication came without a body.");
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var http = httpClients.CreateClient(AdminApiClient.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new AdminApiException(null, $"The server's admin API could not be reached: {exception.Message}", exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var shown = text.Length > MaxBodyInMessage ? text[..MaxBodyInMessage] + "…" : text;
                throw new AdminApiException(response.StatusCode, string.Create(CultureInfo.InvariantCulture, $"The admin API answered {(int)response.StatusCode} to {method} {path}. {shown}"));
            }

            return JsonNode.Parse(text) ?? throw new AdminApiException(response.StatusCode, $"The admin API answered {method} {path} with an empty body.");
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SignInException exception)
        {
            throw new AdminApiException(null, $"The admin could not sign in at the identity provider: {exception.Message}", exception);
        }
    }
}
