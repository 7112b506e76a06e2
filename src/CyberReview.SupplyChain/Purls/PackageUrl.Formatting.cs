using System.Text;

namespace CyberReview.SupplyChain.Purls;

public sealed partial class PackageUrl
{
    // Builds the canonical form, left to right (ECMA-427 "How to build a PURL").
    private string Format()
    {
        int estimate = 8 + Type.Length + Name.Length + (Namespace?.Length ?? 0) + (Version?.Length ?? 0) + (Subpath?.Length ?? 0);
        for (int i = 0; i < Qualifiers.Count; i++)
        {
            estimate += Qualifiers.KeyAt(i).Length + Qualifiers.ValueAt(i).Length + 2;
        }

        var builder = new StringBuilder(estimate + (estimate / 4));
        builder.Append("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
        {
            PercentEncoding.AppendSegments(builder, Namespace);
            builder.Append('/');
        }

        if (_definition is { NameIsPath: true })
        {
            PercentEncoding.AppendSegments(builder, Name);
        }
        else
        {
            PercentEncoding.Append(builder, Name);
        }

        if (Version is not null)
        {
            builder.Append('@');
            PercentEncoding.Append(builder, Version);
        }

        for (int i = 0; i < Qualifiers.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(Qualifiers.KeyAt(i)).Append('=');
            PercentEncoding.Append(builder, Qualifiers.ValueAt(i));
        }

        if (Subpath is not null)
        {
            builder.Append('#');
            PercentEncoding.AppendSegments(builder, Subpath);
        }

        return builder.ToString();
    }
}
