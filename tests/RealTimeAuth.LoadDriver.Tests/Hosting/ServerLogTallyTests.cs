using RealTimeAuth.LoadDriver.Hosting;

namespace RealTimeAuth.LoadDriver.Tests.Hosting;

public sealed class ServerLogTallyTests
{
    [Fact]
    public void Counts_warnings_and_errors_with_their_message_lines_and_skips_information()
    {
        var tally = new ServerLogTally();
        foreach (var line in new[]
        {
            "info: Microsoft.Hosting.Lifetime[14]",
            "      Now listening on: http://127.0.0.1:5000",
            "warn: RealTimeAuth.Server.Live.LiveChannelService[2104]",
            "      Stream backlog over the limit",
            "fail: Microsoft.AspNetCore.Server.Kestrel[13]",
            "      Connection id \"0HN\", Request id \"0HN:1\": An unhandled exception was thrown by the application.",
            "plain line from something else",
        })
        {
            tally.Add("stdout", line);
        }

        var (counted, ignored) = tally.Snapshot();

        Assert.Equal(["warn: RealTimeAuth.Server.Live.LiveChannelService[2104]", "fail: Microsoft.AspNetCore.Server.Kestrel[13]"], counted.Select(entry => entry.Key));
        Assert.Contains("Stream backlog over the limit", counted[0].Text, StringComparison.Ordinal);
        Assert.Empty(ignored);
    }

    [Fact]
    public void Sets_aside_the_migration_history_probe_but_not_other_failed_commands()
    {
        var tally = new ServerLogTally();
        string[] probe =
        [
            "fail: Microsoft.EntityFrameworkCore.Database.Command[20102]",
            "      Failed executing DbCommand (278ms) [Parameters=[], CommandType='Text', CommandTimeout='30']",
            "      SELECT \"MigrationId\", \"ProductVersion\"",
            "      FROM \"__EFMigrationsHistory\"",
        ];
        string[] other =
        [
            "fail: Microsoft.EntityFrameworkCore.Database.Command[20102]",
            "      Failed executing DbCommand (3ms) [Parameters=[], CommandType='Text', CommandTimeout='30']",
            "      INSERT INTO sessions VALUES (...)",
        ];
        foreach (var line in probe.Concat(other))
        {
            tally.Add("stdout", line);
        }

        var (counted, ignored) = tally.Snapshot();

        Assert.Single(ignored);
        Assert.Contains("INSERT INTO sessions", Assert.Single(counted).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_an_entry_open_per_stream_so_interleaved_streams_do_not_mix()
    {
        var tally = new ServerLogTally();
        tally.Add("stdout", "fail: Microsoft.EntityFrameworkCore.Database.Command[20102]");
        tally.Add("stderr", "warn: Some.Category[1]");
        tally.Add("stdout", "      FROM \"__EFMigrationsHistory\"");

        var (counted, ignored) = tally.Snapshot();

        Assert.Equal("warn: Some.Category[1]", Assert.Single(counted).Key);
        Assert.Single(ignored);
    }
}
