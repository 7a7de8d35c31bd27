namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>The names of what a fault run records, so the report, the chart and the window computations agree.</summary>
internal static class FaultSeries
{
    public const string DecisionAllowed = "decision allowed";
    public const string DecisionRefusedPrefix = "decision refused ";
    public const string DecisionErrorPrefix = "decision error ";
    public const string DecisionCutShort = "decision cut short by the end of the load";
    public const string DecisionLocal = "decision denied locally (session already revoked)";
    public const string ExchangePrefix = "exchange ";
    public const string ExchangeAccepted = "exchange 200";
    public const string RevocationDelivered = "revocation delivered";
    public const string Reconnected = "agent reconnected";

    public const string StatePrefix = "agent state ";

    public static string State(string state, string? reason) => reason is null ? StatePrefix + state : $"{StatePrefix}{state} ({reason})";

    public static string DecisionRefused(string reason) => DecisionRefusedPrefix + reason;

    public static string DecisionError(string kind) => DecisionErrorPrefix + kind;

    public static string Exchange(int status, string? error) => error is null ? $"{ExchangePrefix}{status}" : $"{ExchangePrefix}{status} {error}";

    public static bool IsDecisionRefused(string series) =>
        series.StartsWith(DecisionRefusedPrefix, StringComparison.Ordinal) || series.StartsWith(DecisionErrorPrefix, StringComparison.Ordinal);

    public static bool IsExchangeRefused(string series) =>
        series.StartsWith(ExchangePrefix, StringComparison.Ordinal) && series != ExchangeAccepted;

    public static bool IsExchange500(string series) => series.StartsWith(ExchangePrefix + "500", StringComparison.Ordinal);
}
