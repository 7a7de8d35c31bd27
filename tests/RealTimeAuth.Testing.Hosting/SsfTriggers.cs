using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>The dev IdP's Shared Signals trigger API and the server settings that make the IdP its managed transmitter.</summary>
public static class SsfTriggers
{
    /// <summary>Server settings: the dev IdP as transmitter 0, stream managed with the <c>rta-server</c> client.</summary>
    public static Dictionary<string, string?> ManagedTransmitter(DevIdentityProvider idp, string deliveryMethod = "urn:ietf:rfc:8935") => new(StringComparer.OrdinalIgnoreCase)
    {
        ["SharedSignals:Transmitters:0:Issuer"] = idp.Issuer,
        ["SharedSignals:Transmitters:0:Audience"] = DemoAccounts.RtaServerAudience,
        ["SharedSignals:Transmitters:0:ClientId"] = DemoAccounts.IntrospectionClientId,
        ["SharedSignals:Transmitters:0:ClientSecret"] = DemoAccounts.IntrospectionSecret,
        ["SharedSignals:Transmitters:0:DeliveryMethod"] = deliveryMethod,
        ["SharedSignals:Transmitters:0:RequireHttpsMetadata"] = "false",
        // The dev IdP sends risk-level-change and device-compliance-change; it may change nothing else (ADR 0020).
        ["SharedSignals:Transmitters:0:AllowedClaims:0"] = "user.risk_level",
        ["SharedSignals:Transmitters:0:AllowedClaims:1"] = "user.device_compliant",
        ["SharedSignals:ApplyPollInterval"] = "00:00:00.050",
    };

    /// <summary><c>POST /ssf/v1/triggers/{user}/{action}</c>; returns the queued SETs' jtis, throws unless 202.</summary>
    public static async Task<IReadOnlyList<string>> TriggerAsync(DevIdentityProvider idp, string user, string action, object? body, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(idp.Issuer), Timeout = HostingTimeouts.Request };
        using var response = await http.PostAsJsonAsync($"ssf/v1/triggers/{Uri.EscapeDataString(user)}/{action}", body ?? new { }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The trigger {action} for {user} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.GetProperty("sets").EnumerateArray().Select(set => set.GetProperty("jti").GetString()!)];
    }

    /// <summary>Waits until the server's stream at the IdP is set up (the admin API shows its stream id); returns the server's stream row id.</summary>
    public static async Task<Guid> WaitForStreamAsync(ServerHost server, string adminToken, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var rowId = await Eventually.ReadUntilAsync(
            async () =>
            {
                using var document = JsonDocument.Parse(await http.GetStringAsync("admin/v1/ssf/streams", deadline.Token));
                return document.RootElement.EnumerateArray()
                    .Where(stream => stream.TryGetProperty("streamId", out var id) && id.ValueKind == JsonValueKind.String)
                    .Select(stream => (Guid?)stream.GetProperty("id").GetGuid())
                    .FirstOrDefault();
            },
            id => id is not null,
            timeout,
            $"Setting up the stream of replica {server.Name} at the IdP",
            deadline.Token,
            TimeSpan.FromMilliseconds(100));
        return rowId!.Value;
    }
}
