using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>
/// A load run (<c>Simulator:Load</c>): <see cref="Agents"/> agents across <see cref="UserCount"/> users at
/// <see cref="ActionsPerSecond"/> in total, bounded by <see cref="Duration"/> and <see cref="MaxActions"/>, only ever against
/// the configured server. Validated at start by <see cref="LoadOptionsValidator"/>; <c>POST /load</c> may override the numbers.
/// </summary>
public sealed class LoadOptions
{
    public const string SectionName = "Simulator:Load";

    public int Agents { get; set; } = 100;

    /// <summary>How many of <see cref="Users"/> sign in; each gets a co-pilot and an equal share of the agents.</summary>
    public int UserCount { get; set; } = 2;

    /// <summary>The users load runs may sign in as; e-mails in appsettings.json, passwords in Development settings or user secrets.</summary>
    public List<UserCredentials> Users { get; set; } = [];

    /// <summary>All agents together; each agent acts every <c>Agents / ActionsPerSecond</c> seconds.</summary>
    public double ActionsPerSecond { get; set; } = 200;

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    public long MaxActions { get; set; } = 100_000;

    /// <summary>Exchanges in flight at once while the agents connect.</summary>
    public int ExchangeConcurrency { get; set; } = 16;

    /// <summary>At the end, revoke every co-pilot through the admin API and measure each agent's event-to-stop. Needs <c>Simulator:Admin</c>.</summary>
    public bool RevokeAtEnd { get; set; } = true;

    /// <summary>How long the agents may take to stop after the revocations.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Where the latency CSV goes; relative paths are under the content root, empty means the temp directory.</summary>
    public string CsvPath { get; set; } = string.Empty;

    /// <summary>Load runs refuse a server that is not on this machine unless this is true.</summary>
    public bool AllowNonLoopbackServer { get; set; }

    public LoadOptions With(LoadRequest? request) => request is null
        ? this
        : new LoadOptions
        {
            Agents = request.Agents ?? Agents,
            UserCount = request.Users ?? UserCount,
            Users = Users,
            ActionsPerSecond = request.ActionsPerSecond ?? ActionsPerSecond,
            Duration = request.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Duration,
            MaxActions = request.MaxActions ?? MaxActions,
            ExchangeConcurrency = ExchangeConcurrency,
            RevokeAtEnd = request.RevokeAtEnd ?? RevokeAtEnd,
            StopTimeout = StopTimeout,
            CsvPath = CsvPath,
            AllowNonLoopbackServer = AllowNonLoopbackServer,
        };
}
