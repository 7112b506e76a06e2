using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Conditions",
                table: "RegistryEntries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "Institutions",
                table: "RegistryEntries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            // Entries published before: their conditions, standing reports' institutions and catalogue, from the case.
            migrationBuilder.Sql("""
                UPDATE "RegistryEntries" e SET
                    "CatalogueVersion" = (SELECT c."CatalogueVersion" FROM "Cases" c WHERE c."Id" = e."CaseId"),
                    "Conditions" = ARRAY(SELECT k."Text" FROM "DecisionConditions" k WHERE k."DecisionId" = e."DecisionId" ORDER BY k."Position"),
                    "Institutions" = ARRAY(SELECT DISTINCT o."Name" COLLATE "C" FROM "EvaluationReports" r JOIN "Organisations" o ON o."Id" = r."InstitutionId"
                        WHERE r."CaseId" = e."CaseId" AND r."SupersededById" IS NULL ORDER BY 1);
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
