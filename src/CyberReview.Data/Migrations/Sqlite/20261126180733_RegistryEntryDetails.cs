using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistryEntryDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CatalogueVersion",
                table: "RegistryEntries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Conditions",
                table: "RegistryEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Institutions",
                table: "RegistryEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Entries published before: their conditions, standing reports' institutions and catalogue, from the case.
            migrationBuilder.Sql("""
                UPDATE RegistryEntries SET
                    CatalogueVersion = (SELECT c.CatalogueVersion FROM Cases c WHERE c.Id = RegistryEntries.CaseId),
                    Conditions = (SELECT json_group_array(Text) FROM (SELECT k.Text FROM DecisionConditions k WHERE k.DecisionId = RegistryEntries.DecisionId ORDER BY k.Position)),
                    Institutions = (SELECT json_group_array(Name) FROM (SELECT DISTINCT o.Name FROM EvaluationReports r JOIN Organisations o ON o.Id = r.InstitutionId
                        WHERE r.CaseId = RegistryEntries.CaseId AND r.SupersededById IS NULL ORDER BY o.Name));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CatalogueVersion",
                table: "RegistryEntries");

            migrationBuilder.DropColumn(
                name: "Conditions",
                table: "RegistryEntries");

            migrationBuilder.DropColumn(
                name: "Institutions",
                table: "RegistryEntries");
        }
    }
}
