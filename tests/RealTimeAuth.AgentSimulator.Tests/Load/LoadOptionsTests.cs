using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Load;

namespace RealTimeAuth.AgentSimulator.Tests.Load;

public sealed class LoadOptionsTests
{
    [Fact]
    public void Validate_DefaultsWithTwoUsers_Succeeds()
    {
        var result = new LoadOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Validate_AgentsOutOfRange_SaysTheBounds(int agents)
    {
        var options = Valid();
        options.Agents = agents;

        var result = new LoadOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.StartsWith("Simulator:Load:Agents must be between 1 and 10000", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MoreUsersThanConfigured_NamesTheUsersList()
    {
        var options = Valid();
        options.UserCount = 3;

        var result = new LoadOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.Contains("number of Simulator:Load:Users (2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UserWithoutPassword_SaysWhereToSetIt()
    {
        var options = Valid();
        options.Users[1].Password = "";

        var result = new LoadOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.StartsWith("Simulator:Load:Users:1 needs Email and Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnboundedRun_RefusesRateDurationAndActions()
    {
        var options = Valid();
        options.ActionsPerSecond = 0;
        options.Duration = TimeSpan.FromHours(2);
        options.MaxActions = 0;

        var result = new LoadOptionsValidator().Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void With_Request_OverridesOnlyTheNumbersItGives()
    {
        var options = Valid();

        var merged = options.With(new LoadRequest(Agents: 7, Users: 1, ActionsPerSecond: null, DurationSeconds: 2.5, MaxActions: null, RevokeAtEnd: false));

        Assert.Equal(7, merged.Agents);
        Assert.Equal(1, merged.UserCount);
        Assert.Equal(options.ActionsPerSecond, merged.ActionsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(2.5), merged.Duration);
        Assert.Equal(options.MaxActions, merged.MaxActions);
        Assert.False(merged.RevokeAtEnd);
        Assert.Same(options.Users, merged.Users);
    }

    [Theory]
    [InlineData("http://localhost:5180", false, true)]
    [InlineData("http://127.0.0.1:5180", false, true)]
    [InlineData("http://[::1]:5180", false, true)]
    [InlineData("https://rta.example.com", false, false)]
    [InlineData("https://rta.example.com", true, true)]
    public void LoadTarget_Server_OnlyLocalUnlessAllowed(string server, bool allowNonLoopback, bool allowed)
    {
        Assert.Equal(allowed, LoadTarget.IsAllowed(new Uri(server), allowNonLoopback));
    }

    private static LoadOptions Valid() => new()
    {
        Users =
        [
            new UserCredentials { Email = "morty@the-citadel.com", Password = "p" },
            new UserCredentials { Email = "summer@the-smiths.com", Password = "p" },
        ],
    };
}
