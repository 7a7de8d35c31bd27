namespace RealTimeAuth.Fuzz.Tests.AuthZen;

/// <summary>The AuthZEN routes that read a body.</summary>
internal enum AuthZenEndpoint
{
    Evaluation,
    Evaluations,
    SearchSubject,
    SearchResource,
    SearchAction,
}
