using Npgsql;
using StackExchange.Redis;

namespace RealTimeAuth.Testing.Servers;

/// <summary>Checks up front that the servers named in the environment answer, so a wrong setting fails once and clearly.</summary>
internal static class ExternalServers
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    public static async Task CheckPostgresAsync(string connectionString)
    {
        using var timeoutSource = new CancellationTokenSource(CheckTimeout);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeoutSource.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeoutSource.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariables.Postgres} is set, but that PostgreSQL server did not answer within "
                + $"{CheckTimeout.TotalSeconds:0} s: {exception.Message}",
                exception);
        }
    }

    public static async Task CheckRedisAsync(string configuration)
    {
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = (int)CheckTimeout.TotalMilliseconds;
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
        }
        catch (Exception exception) when (exception is RedisException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariables.Redis} is set, but that Redis server did not answer within "
                + $"{CheckTimeout.TotalSeconds:0} s: {exception.Message}",
                exception);
        }
    }
}
