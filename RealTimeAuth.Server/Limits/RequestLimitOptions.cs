using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Configuration section <c>RequestLimits</c>: the largest request bodies (ADR 0019); beyond them the answer is 413.
/// SETs keep their own limit, <c>SharedSignals:MaxSetBytes</c>.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Every JSON or form API: AuthZEN, live authorize, token exchange, admin writes.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public long JsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Policy files and subject directory imports through the admin API.</summary>
    [Range(1_024, 256 * 1024 * 1024)]
    public long AdminDocumentBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>One gRPC message on the live channel (gRPC answers <c>ResourceExhausted</c> beyond it).</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int GrpcMessageBytes { get; set; } = 64 * 1024;
}
