namespace Orderly.Bench;

/// <summary>
/// Reads the server process's resident memory (VmRSS in /proc/&lt;pid&gt;/status) and CPU time (utime + stime in
/// /proc/&lt;pid&gt;/stat), so each workload can report memory after it and server CPU per order. Without a pid it reads nothing.
/// </summary>
public sealed class ServerProbe(int? pid)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    /// <summary>Resident set size in MiB, or null when there is no process to read.</summary>
    public double? RssMiB()
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/status")) return null;
        var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>User plus system CPU seconds the server has used so far, or null.</summary>
    public double? CpuSeconds()
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat")) return null;
        var stat = File.ReadAllText($"/proc/{id}/stat");
        // Fields after the command name, which is in parentheses and may contain spaces: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
    }
}
