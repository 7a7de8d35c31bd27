using System.Globalization;
using System.Text.Json;
using RealTimeAuth.Admin.Api.Models;

namespace RealTimeAuth.Admin.Api;

/// <summary>
/// The server's admin API (<c>/admin/v1</c>) with the signed-in admin's own token. Every call returns an
/// <see cref="ApiResult{T}"/>: a refusal or a failure becomes a status and a readable reason, not an exception.
/// </summary>
public sealed class AdminApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<SessionPage>> GetSessionsAsync(SessionFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<SessionPage>("admin/v1/sessions" + Query(("user", filter.User), ("agent", filter.Agent), ("status", filter.Status),
            ("issuer", filter.Issuer), ("page", Text(page)), ("pageSize", Text(pageSize))), cancellationToken);

    public Task<ApiResult<SessionDetail>> GetSessionAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<SessionDetail>($"admin/v1/sessions/{id}", cancellationToken);

    public Task<ApiResult<RevocationResponse>> RevokeSessionAsync(Guid id, string reason, CancellationToken cancellationToken = default) =>
        PostAsync<RevocationResponse>($"admin/v1/sessions/{id}/revoke", new { reason }, cancellationToken);

    public Task<ApiResult<RevocationResponse>> RevokeUserAsync(string issuer, string subject, string reason, CancellationToken cancellationToken = default) =>
        PostAsync<RevocationResponse>("admin/v1/users/revoke", new { issuer, subject, reason }, cancellationToken);

    public Task<ApiResult<AdminEventPage>> GetEventsAsync(EventFilter filter, CancellationToken cancellationToken = default) =>
        GetAsync<AdminEventPage>("admin/v1/events" + Query(("type", filter.Type), ("actor", filter.Actor), ("after", filter.After),
            ("limit", Text(filter.Limit))), cancellationToken);

    public Task<ApiResult<DecisionPage>> GetDecisionsAsync(DecisionFilter filter, CancellationToken cancellationToken = default) =>
        GetAsync<DecisionPage>("admin/v1/audit/decisions" + DecisionQuery(filter), cancellationToken);

    /// <summary>The CSV export address for the same filters (the browser downloads it through the console).</summary>
    public static string DecisionsCsvPath(DecisionFilter filter) => "admin/v1/audit/decisions.csv" + DecisionQuery(filter with { Before = null });

    public Task<ApiResult<PolicyList>> GetPoliciesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PolicyList>("admin/v1/policies", cancellationToken);

    public Task<ApiResult<PolicyVersionDetail>> GetPolicyAsync(int version, CancellationToken cancellationToken = default) =>
        GetAsync<PolicyVersionDetail>($"admin/v1/policies/{Text(version)}", cancellationToken);

    public Task<ApiResult<PolicyValidation>> ValidatePolicyAsync(JsonElement document, CancellationToken cancellationToken = default) =>
        PostAsync<PolicyValidation>("admin/v1/policies/validate", document, cancellationToken);

    public Task<ApiResult<PolicyVersionSummary>> CreatePolicyAsync(JsonElement document, string? comment, CancellationToken cancellationToken = default) =>
        PostAsync<PolicyVersionSummary>("admin/v1/policies", new { document, comment }, cancellationToken);

    public Task<ApiResult<WhatIfResult>> WhatIfAsync(int version, CancellationToken cancellationToken = default) =>
        PostAsync<WhatIfResult>($"admin/v1/policies/{Text(version)}/what-if", new { }, cancellationToken);

    public Task<ApiResult<PublishResult>> PublishPolicyAsync(int version, string reason, CancellationToken cancellationToken = default) =>
        PostAsync<PublishResult>($"admin/v1/policies/{Text(version)}/publish", new { reason }, cancellationToken);

    public Task<ApiResult<List<TrustedIssuer>>> GetTrustedIssuersAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<TrustedIssuer>>("admin/v1/trust/issuers", cancellationToken);

    public Task<ApiResult<List<SsfStream>>> GetSsfStreamsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<SsfStream>>("admin/v1/ssf/streams", cancellationToken);

    public Task<ApiResult<VerifyResult>> VerifySsfStreamAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<VerifyResult>($"admin/v1/ssf/streams/{id}/verify", new { }, cancellationToken);

    public Task<ApiResult<SubjectBlockPage>> GetBlocksAsync(CancellationToken cancellationToken = default) =>
        GetAsync<SubjectBlockPage>("admin/v1/blocks?take=200", cancellationToken);

    /// <summary>Lifts one block whoever set it; the server records the lift with this admin and the reason.</summary>
    public async Task<ApiResult<bool>> LiftBlockAsync(SubjectBlock block, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("admin/v1/blocks/lift",
                new { block.Format, block.Issuer, block.Value, block.SetBy, reason }, Json, cancellationToken);
            return response.IsSuccessStatusCode ? ApiResult<bool>.Ok(true) : await ApiErrors.FromResponseAsync<bool>(response, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return ApiErrors.FromException<bool>(exception);
        }
    }

    private async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            return await ReadAsync<T>(response, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return ApiErrors.FromException<T>(exception);
        }
    }

    private async Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
            return await ReadAsync<T>(response, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return ApiErrors.FromException<T>(exception);
        }
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return await ApiErrors.FromResponseAsync<T>(response, cancellationToken);
        }

        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        return value is null ? ApiResult<T>.Fail(ApiStatus.Failed, "The server answered with an empty body.") : ApiResult<T>.Ok(value);
    }

    private static string DecisionQuery(DecisionFilter filter) => Query(
        ("user", filter.User), ("agent", filter.Agent), ("action", filter.Action), ("decision", filter.Decision),
        ("from", filter.From?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        ("to", filter.To?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        ("limit", Text(filter.Limit)), ("before", filter.Before));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var pairs = parameters.Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .Select(pair => $"{pair.Name}={Uri.EscapeDataString(pair.Value!.Trim())}").ToList();
        return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
    }
}
