using ScottPlot;
using ScottPlot.TickGenerators;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>What every chart shares: size, title, axis labels, the footer with command line and machine, log axes, saving.</summary>
internal static class ChartFrame
{
    public const int Width = 1200;
    public const int Height = 720;

    public static Plot Create(string title, string xLabel, string yLabel, string footer)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);

        // A second, tickless bottom axis carries the footer under the x axis label.
        var caption = plot.Axes.AddBottomAxis();
        caption.TickGenerator = new NumericManual();
        caption.FrameLineStyle.Width = 0;
        caption.MajorTickStyle.Length = 0;
        caption.MinorTickStyle.Length = 0;
        caption.LabelText = footer;
        caption.LabelFontSize = 11;
        caption.LabelBold = false;
        caption.LabelFontColor = Colors.DimGray;
        caption.MinimumSize = 44;
        return plot;
    }

    /// <summary>Log ticks on <paramref name="axis"/> for values from <paramref name="min"/> to <paramref name="max"/>, and its limits.</summary>
    public static void LogTicks(IAxis axis, double min, double max)
    {
        var ticks = new NumericManual();
        var decades = LogScale.Decades(min, max);
        foreach (var (position, label) in decades)
        {
            ticks.AddMajor(position, label);
        }

        foreach (var position in LogScale.Minors(min, max))
        {
            ticks.AddMinor(position);
        }

        axis.TickGenerator = ticks;
        axis.Min = decades[0].Position;
        axis.Max = decades[^1].Position;
    }

    /// <summary>Writes the PNG and returns its path.</summary>
    public static string Save(Plot plot, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
        return path;
    }
}
