using System.Globalization;

namespace RealTimeAuth.Testing.Servers;

/// <summary>Looks up processes through <c>/proc</c> and pid files.</summary>
internal static class ProcessTable
{
    /// <summary>Whether a process with this id runs and, if given, has this command name (<c>/proc/PID/comm</c>).</summary>
    public static bool IsRunning(int pid, string? commandName = null)
    {
        var procDirectory = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        if (!Directory.Exists(procDirectory))
        {
            return false;
        }

        if (commandName is null)
        {
            return true;
        }

        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "comm")).Trim() == commandName;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads a process id from the first line of a pid file, or null when there is none.</summary>
    public static int? ReadPidFile(string path)
    {
        try
        {
            var firstLine = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
