using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Policies;
using RealTimeAuth.Server.Policies.Files;
using RealTimeAuth.Server.Policies.Schema;
using RealTimeAuth.Server.Policies.Subjects;

namespace RealTimeAuth.Server.Decisions;

/// <summary>
/// Loads <c>Policies:File</c> and <c>Policies:DirectoryFile</c> into <see cref="ActivePolicy"/> at start.
/// Every diagnostic is logged; an invalid file fails the start with the rule and position. The version
/// label is <c>file-</c> and the first 12 hex digits of the files' SHA-256.
/// </summary>
internal sealed partial class ActivePolicyLoader(
    ActivePolicy active, IOptions<PolicyOptions> options, IHostEnvironment environment, ILogger<ActivePolicyLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.File))
        {
            LogNoPolicy(logger);
            return;
        }

        var policyPath = Path.GetFullPath(settings.File, environment.ContentRootPath);
        var policyText = await File.ReadAllTextAsync(policyPath, cancellationToken);
        var directoryText = string.IsNullOrWhiteSpace(settings.DirectoryFile)
            ? null
            : await File.ReadAllTextAsync(Path.GetFullPath(settings.DirectoryFile, environment.ContentRootPath), cancellationToken);

        active.Update(Load(policyPath, policyText, directoryText));
        LogLoaded(logger, policyPath, active.Current!.Version, active.Current.PolicySet.RuleIds.Length, active.Current.Directory.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private PolicySnapshot Load(string policyPath, string policyText, string? directoryText)
    {
        var version = "file-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policyText + "\n" + directoryText)))[..12];
        var file = PolicyFile.Read(policyText);
        var compilation = file.Succeeded ? PolicyCompiler.Compile(file.Document, AttributeSchema.Default, version) : null;
        var diagnostics = compilation?.Diagnostics ?? file.Diagnostics;
        Fail("Policies:File", policyPath, diagnostics);

        var directory = SubjectDirectory.Empty;
        if (directoryText is not null)
        {
            var import = SubjectDirectoryFile.Import(directoryText);
            Fail("Policies:DirectoryFile", "directory", import.Diagnostics);
            directory = import.Directory!;
        }

        return new PolicySnapshot(compilation!.PolicySet!, file.Document!, directory);
    }

    private void Fail(string key, string path, IReadOnlyCollection<PolicyDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            LogDiagnostic(logger, key, diagnostic.ToString());
        }

        throw new InvalidOperationException($"The file set in '{key}' ({path}) is invalid: {string.Join("; ", diagnostics)}");
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "No 'Policies:File' configured: live decisions are scope-only.")]
    private static partial void LogNoPolicy(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Policy {Path} active as version {Version}: {Rules} rules, {Subjects} directory subjects.")]
    private static partial void LogLoaded(ILogger logger, string path, string version, int rules, int subjects);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "{Key}: {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, string key, string diagnostic);
}
