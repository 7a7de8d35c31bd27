using System.Text;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>One figure of a fault run: a name a security reviewer reads, its value (NaN: did not happen) and unit.</summary>
internal sealed record FaultFigure(string Name, double Value, string Unit)
{
    /// <summary>The CSV's statistic column: the name's letters and digits, runs of anything else as one underscore.</summary>
    public string Key
    {
        get
        {
            var key = new StringBuilder();
            foreach (var c in Name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    key.Append(c);
                }
                else if (key.Length > 0 && key[^1] != '_')
                {
                    key.Append('_');
                }
            }

            return key.ToString().TrimEnd('_');
        }
    }
}
