using RealTimeAuth.DevIdp.Diagnostics;

namespace RealTimeAuth.DevIdp.Keys;

/// <summary>
/// Reads a key file, or creates it once with owner-only permissions (0600 in a 0700 folder).
/// Creation writes a temporary file and moves it into place, so two processes starting together
/// agree on one key and never read a half-written file.
/// </summary>
internal static class KeyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Returns the file's text and whether this call created it.</summary>
    public static (string Content, bool Created) ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path))
        {
            return (File.ReadAllText(path), false);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerAll);
        }

        var content = create();
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = OwnerReadWrite;
        }

        using (var writer = new StreamWriter(temporary, fileOptions))
        {
            writer.Write(content);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return (content, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            File.Delete(temporary);
            return (File.ReadAllText(path), false);
        }
    }

    /// <summary>Warns when a key file can be read by anyone but its owner.</summary>
    public static void WarnIfTooOpen(string path, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            DevIdpLog.KeyFileTooOpen(logger, path, Convert.ToString((int)mode, 8));
        }
    }
}
