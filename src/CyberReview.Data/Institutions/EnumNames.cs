using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Institutions;

internal static class EnumNames
{
    /// <summary>
    /// Stores a small set of enum members as their names in one column ("LaboratoryTesting,OnSiteInspection"):
    /// readable in SQL like every other enum, the same on SQLite and PostgreSQL, and read whole with its row.
    /// </summary>
    public static PropertyBuilder<List<T>> HasEnumNames<T>(this PropertyBuilder<List<T>> property)
        where T : struct, Enum =>
        property
            .HasConversion(
                members => string.Join(',', members.Distinct().Order().Select(m => m.ToString())),
                column => column.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => Enum.Parse<T>(name)).ToList(),
                new ValueComparer<List<T>>(
                    (left, right) => left!.SequenceEqual(right!),
                    members => members.Aggregate(0, (hash, member) => HashCode.Combine(hash, member)),
                    members => members.ToList()))
            .HasMaxLength(256);
}
