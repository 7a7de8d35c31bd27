using System.Globalization;
using RealTimeAuth.AgentSimulator.Load;

namespace RealTimeAuth.AgentSimulator.Tests.Load;

public sealed class LoadCsvTests
{
    [Fact]
    public void Write_Report_OneRowPerMetricInInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);

            LoadCsv.Write(writer, Report());

            var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(LoadCsv.Header, lines[0]);
            Assert.Equal("abc123,10,2,50.5,authorize,4,0.250,1.500,2.000,3.125,4.000,1.750", lines[1]);
            Assert.Equal(3, lines.Length);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ResolvePath_Empty_IsANewFileUnderTheTempDirectory()
    {
        var path = LoadCsv.ResolvePath("", "/srv/simulator", "abc123", new DateTimeOffset(2026, 11, 28, 19, 5, 7, TimeSpan.Zero));

        Assert.Equal(Path.Combine(Path.GetTempPath(), "realtimeauth-simulator", "load-20261128-190507-abc123.csv"), path);
    }

    [Fact]
    public void ResolvePath_Relative_IsUnderTheContentRoot()
    {
        Assert.Equal("/srv/simulator/out/load.csv", LoadCsv.ResolvePath("out/load.csv", "/srv/simulator", "abc123", DateTimeOffset.UnixEpoch));
    }

    private static LoadReport Report() => new()
    {
        RunId = "abc123",
        Server = "http://localhost:5180",
        StartedAt = DateTimeOffset.UnixEpoch,
        EndedAt = DateTimeOffset.UnixEpoch,
        Users = 2,
        AgentsRequested = 10,
        AgentsConnected = 10,
        ExchangeFailures = 0,
        TargetActionsPerSecond = 50.5,
        AchievedActionsPerSecond = 50,
        ActionPhaseSeconds = 1,
        Allowed = 4,
        Denied = 0,
        AuthorizeErrors = 0,
        Revoked = false,
        AgentsStopped = 0,
        Latencies =
        [
            new LatencySummary("authorize", 4, 0.25, 1.5, 2, 3.125, 4, 1.75),
            new LatencySummary("event-to-stop", 0, 0, 0, 0, 0, 0, 0),
        ],
    };
}
