using System.Diagnostics;
using System.Text;

namespace RealTimeAuth.Testing.Servers;

/// <summary>Starts processes, optionally as another user, and runs short commands to completion.</summary>
internal static class ProcessRunner
{
    /// <summary>Builds start information; with <paramref name="runAsUser"/> set, runs the command through <c>runuser</c>.</summary>
    public static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, string? runAsUser = null)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };

        if (runAsUser is null)
        {
            startInfo.FileName = fileName;
        }
        else
        {
            startInfo.FileName = "runuser";
            foreach (var argument in (string[])["-u", runAsUser, "--", fileName])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Runs a command to completion and returns its output; throws when it fails or outlives <paramref name="timeout"/>.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? runAsUser = null)
    {
        var startInfo = CreateStartInfo(fileName, arguments, runAsUser);
        var command = string.Join(' ', [startInfo.FileName, .. startInfo.ArgumentList]);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"`{command}` did not finish within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Snapshot(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{command}` exited with code {process.ExitCode}. Output:{Environment.NewLine}{Snapshot(output)}");
        }

        return Snapshot(output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
