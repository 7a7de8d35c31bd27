using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.AgentSimulator.Admin;
using RealTimeAuth.AgentSimulator.Identity;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>RFC 9457 problem details for runs that cannot start or whose dependencies refuse.</summary>
internal static class RunProblems
{
    public static ProblemHttpResult Busy() =>
        TypedResults.Problem(
            "Another scenario or load run is in progress; try again when it has finished.",
            statusCode: StatusCodes.Status409Conflict,
            title: "A run is in progress");

    /// <summary>A failure of something the run depends on (IdP, token exchange, admin API, configuration), or null when the exception is not one.</summary>
    public static ProblemHttpResult? FromDependency(Exception exception) => exception switch
    {
        SignInException signIn => Problem(StatusCodes.Status502BadGateway, "The user could not sign in at the identity provider", signIn.Message, signIn.Error),
        RtaExchangeException exchange => Problem(StatusCodes.Status502BadGateway, "The RTA server refused a token exchange", exchange.Message, exchange.Error),
        AdminApiException admin => Problem(StatusCodes.Status502BadGateway, "The RTA server's admin API refused", admin.Message, null),
        HttpRequestException http => Problem(StatusCodes.Status502BadGateway, "A dependency could not be reached", http.Message, null),
        InvalidOperationException configuration => Problem(StatusCodes.Status503ServiceUnavailable, "The simulator cannot run this", configuration.Message, null),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string title, string detail, string? error) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: error is null ? null : new Dictionary<string, object?> { ["error"] = error });
}
