namespace RealTimeAuth.Testing.Servers;

/// <summary>The environment variables that point the fixture at existing servers instead of starting its own.</summary>
internal static class EnvironmentVariables
{
    /// <summary>Npgsql connection string of a server where the tests may create databases.</summary>
    public const string Postgres = "RTA_TEST_POSTGRES";

    /// <summary>StackExchange.Redis configuration string of a server the tests may use.</summary>
    public const string Redis = "RTA_TEST_REDIS";

    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
