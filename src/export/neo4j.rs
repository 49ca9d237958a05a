//! The `neo4j` export: a [`GraphDoc`] comes in and three files for one folder go
//! out. `nodes.csv` and `relationships.csv` use the header conventions of
//! `neo4j-admin database import` (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
//! `:TYPE`, typed columns such as `key:int` and `aliases:string[]`), written with
//! the csv crate so commas, quotes and newlines in Chinese text are quoted
//! properly. `import.cypher` loads the same two files into a running database
//! with `LOAD CSV WITH HEADERS` and gives the same nodes, labels, relationships
//! and properties: nodes are MERGEd by id, relationships by (ends, type, key),
//! so running it twice changes nothing.
//!
//! Every node has two labels: its kind (`Person`, `Organization`…) and `Zhkg`,
//! which carries the uniqueness constraint on `id` and lets the import script
//! find either end of a relationship through one index whatever its kind.
//! Relationship types are the relations in upper snake case (`HOLDS_POSITION`).
//! Array columns use Neo4j's default array delimiter `;`, which has no escape,
//! so an ASCII `;` inside an item is written as the full-width `；` that
//! Chinese text uses anyway. Array columns are aliases, titles, sources,
//! articles and evidence (the distinct quoted sentences).
//!
//! A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
//! a `'` in front (OWASP's rule against CSV injection): these files are opened in
//! spreadsheets too, which would run such a cell as a formula. zhkg's own ids and
//! names never start so; text from a hostile article may.

use super::shared::{articles, kind_class, quotes};
use crate::graph::{GraphDoc, NodeKind, Relation};
use std::collections::BTreeSet;

/// Header of `nodes.csv`.
const NODE_HEADER: [&str; 13] = [
    "id:ID",
    ":LABEL",
    "kind",
    "name",
    "aliases:string[]",
    "titles:string[]",
    "date",
    "time",
    "event_type",
    "headline",
    "sources:string[]",
    "articles:string[]",
    "evidence:string[]",
];

/// Header of `relationships.csv`.
const REL_HEADER: [&str; 9] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "relation",
    "key:int",
    "title",
    "role",
    "articles:string[]",
    "evidence:string[]",
];

/// The label every exported node carries besides its kind.
pub const COMMON_LABEL: &str = "Zhkg";

/// Renders `doc` as `nodes.csv`, `relationships.csv` and `import.cypher`, in that order.
pub fn render(doc: &GraphDoc) -> Vec<(String, Vec<u8>)> {
    vec![
        ("nodes.csv".to_string(), nodes_csv(doc)),
        ("relationships.csv".to_string(), relationships_csv(doc)),
        ("import.cypher".to_string(), import_cypher(doc).into_bytes()),
    ]
}

/// The Neo4j relationship type of a relation: `holds_position` → `HOLDS_POSITION`.
pub fn relationship_type(relation: Relation) -> String {
    relation.as_str().to_ascii_uppercase()
}

/// The `:LABEL` cell of a node: its kind's class name and [`COMMON_LABEL`].
pub fn labels(kind: NodeKind) -> String {
    format!("{};{COMMON_LABEL}", kind_class(kind))
}

/// An array cell: items joined by `;`, with `;` inside an item made full-width.
fn array<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| s.as_ref().replace(';', "；"))
        .collect::<Vec<_>>()
        .join(";")
}

/// A cell made safe for a spreadsheet (see the module's documentation).
pub fn neutralize(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Vec<u8> {
    w.into_inner().expect("flushing CSV to memory cannot fail")
}

fn nodes_csv(doc: &GraphDoc) -> Vec<u8> {
    let mut w = csv_writer();
    w.write_record(NODE_HEADER).expect("CSV to memory");
    for n in &doc.nodes {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        w.write_record(
            [
                n.id.clone(),
                labels(n.kind),
                n.kind.as_str().to_string(),
                n.name.clone(),
                array(&n.aliases),
                array(&n.titles),
                opt(&n.date),
                opt(&n.time),
                opt(&n.event_type),
                opt(&n.headline),
                array(&n.sources),
                array(&articles(&n.evidence)),
                array(&quotes(&n.evidence)),
            ]
            .map(neutralize),
        )
        .expect("CSV to memory");
    }
    finish(w)
}

fn relationships_csv(doc: &GraphDoc) -> Vec<u8> {
    let mut w = csv_writer();
    w.write_record(REL_HEADER).expect("CSV to memory");
    for e in &doc.edges {
        w.write_record(
            [
                e.source.to_string(),
                e.target.to_string(),
                relationship_type(e.relation),
                e.relation.as_str().to_string(),
                e.key.to_string(),
                e.title.clone().unwrap_or_default(),
                e.role.clone().unwrap_or_default(),
                array(&articles(&e.evidence)),
                array(&quotes(&e.evidence)),
            ]
            .map(neutralize),
        )
        .expect("CSV to memory");
    }
    finish(w)
}

/// A Cypher expression for a text column: null when the cell is empty, as
/// `neo4j-admin import` leaves the property unset for an empty cell.
fn text(column: &str) -> String {
    format!("CASE WHEN coalesce(row.`{column}`, '') = '' THEN null ELSE row.`{column}` END")
}

/// A Cypher expression for an array column (see [`text`] for empty cells).
fn list(column: &str) -> String {
    format!(
        "CASE WHEN coalesce(row.`{column}`, '') = '' THEN null \
         ELSE split(row.`{column}`, ';') END"
    )
}

/// A Cypher expression for an integer column.
fn int(column: &str) -> String {
    format!("toInteger(row.`{column}`)")
}

/// The `SET` list for the properties of a header, skipping the id/label/type
/// columns that become the node's identity or the relationship's shape.
fn set_properties(var: &str, header: &[&str]) -> String {
    header
        .iter()
        .filter(|c| !c.starts_with(':') && **c != "id:ID")
        .map(|c| {
            let (name, ty) = c.split_once(':').unwrap_or((c, "string"));
            let value = match ty {
                "int" => int(c),
                "string[]" => list(c),
                _ => text(c),
            };
            format!("    {var}.{name} = {value}")
        })
        .collect::<Vec<_>>()
        .join(",\n")
}

fn import_cypher(doc: &GraphDoc) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "// Neo4j import for a zhkg graph ({}), equivalent to nodes.csv and relationships.csv.\n\
         // Put both CSV files in the database's import folder, then run:\n\
         //   cypher-shell -u neo4j -p PASSWORD -f import.cypher\n\
         // Or, into an empty database, without this script:\n\
         //   neo4j-admin database import full --multiline-fields=true \\\n\
         //     --nodes=nodes.csv --relationships=relationships.csv DATABASE\n\
         // Nodes are merged by id and relationships by (ends, type, key): rerunning is harmless.\n\n",
        doc.graph.generator.replace(['\n', '\r'], " ")
    ));
    out.push_str(&format!(
        "CREATE CONSTRAINT zhkg_id IF NOT EXISTS FOR (n:{COMMON_LABEL}) REQUIRE n.id IS UNIQUE;\n\n"
    ));

    // Labels and relationship types cannot be parameters in Cypher, so there is
    // one statement per kind and per relation present in the graph.
    let kinds: BTreeSet<NodeKind> = doc.nodes.iter().map(|n| n.kind).collect();
    let node_props = set_properties("n", &NODE_HEADER);
    for kind in kinds {
        out.push_str(&format!(
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
             WITH row WHERE row.kind = '{kind}'\n\
             MERGE (n:{COMMON_LABEL} {{id: row.`id:ID`}})\n\
             SET n:{class},\n{node_props};\n\n",
            kind = kind.as_str(),
            class = kind_class(kind),
        ));
    }

    let relations: BTreeSet<Relation> = doc.edges.iter().map(|e| e.relation).collect();
    let rel_props = set_properties("r", &REL_HEADER);
    for relation in relations {
        let ty = relationship_type(relation);
        out.push_str(&format!(
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n\
             WITH row WHERE row.`:TYPE` = '{ty}'\n\
             MATCH (a:{COMMON_LABEL} {{id: row.`:START_ID`}})\n\
             MATCH (b:{COMMON_LABEL} {{id: row.`:END_ID`}})\n\
             MERGE (a)-[r:{ty} {{key: toInteger(row.`key:int`)}}]->(b)\n\
             SET\n{rel_props};\n\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(1)".into()), "'=HYPERLINK(1)");
        assert_eq!(neutralize("@SUM".into()), "'@SUM");
        assert_eq!(neutralize("\tx".into()), "'\tx");
        assert_eq!(neutralize("马军".into()), "马军");
        assert_eq!(neutralize("3".into()), "3");
    }

    #[test]
    fn types_and_labels_are_ascii_identifiers() {
        assert_eq!(relationship_type(Relation::HoldsPosition), "HOLDS_POSITION");
        assert_eq!(labels(NodeKind::Person), "Person;Zhkg");
    }

    #[test]
    fn semicolons_inside_items_cannot_split_them() {
        assert_eq!(array(&["a;b", "c"]), "a；b;c");
    }

    #[test]
    fn script_sets_every_csv_property() {
        let props = set_properties("r", &REL_HEADER);
        assert!(props.contains("r.key = toInteger(row.`key:int`)"));
        assert!(props.contains("r.evidence = CASE"));
        assert!(!props.contains("START_ID"));
    }
}
