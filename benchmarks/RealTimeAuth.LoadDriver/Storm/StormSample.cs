using System.Globalization;

namespace RealTimeAuth.LoadDriver.Storm;

/// <summary>One user-wide revocation, timed from just before the admin call (issued) in this process.</summary>
/// <param name="Index">Its place in the run.</param>
/// <param name="CallMs">The admin call itself.</param>
/// <param name="LatenciesMs">Issued → each agent's SDK Revoked event, for the agents that raised it in time.</param>
/// <param name="Missed">Agents that did not raise Revoked within the bound.</param>
/// <param name="RevokedSessions">Sessions the server says the revocation ended (agents and co-pilots).</param>
/// <param name="ConnectMs">Connecting the storm's agents, from the first exchange to the last stream connected.</param>
/// <param name="Drops">Agent streams lost and reconnected between connecting and the revocation.</param>
/// <param name="ExchangeRetries">Connects retried because the server answered <c>temporarily_unavailable</c>.</param>
internal sealed record StormSample(int Index, double CallMs, IReadOnlyList<double> LatenciesMs, int Missed, int RevokedSessions, double ConnectMs, int Drops, long ExchangeRetries)
{
    public double FirstMs => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs.Min();

    public double LastMs => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs.Max();

    public string Describe(string name) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: {LatenciesMs.Count + Missed:N0} agents connected in {ConnectMs / 1000:0.0} s; issued → first {FirstMs:0.0} ms, last {LastMs:0.0} ms; call {CallMs:0.0} ms; {Missed} missed, {Drops} stream drops, {ExchangeRetries} exchanges retried.");
}
