// Neo4j import for a zhkg graph (zhkg 0.1.0), equivalent to nodes.csv and relationships.csv.
// Put both CSV files in the database's import folder, then run:
//   cypher-shell -u neo4j -p PASSWORD -f import.cypher
// Or, into an empty database, without this script:
//   neo4j-admin database import full --multiline-fields=true \
//     --nodes=nodes.csv --relationships=relationships.csv DATABASE
// Nodes are merged by id and relationships by (ends, type, key): rerunning is harmless.

CREATE CONSTRAINT zhkg_id IF NOT EXISTS FOR (n:Zhkg) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'person'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Person,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'organization'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Organization,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'place'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Place,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'market'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Market,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'event'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Event,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'document'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Document,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'project'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Project,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.kind = 'article'
MERGE (n:Zhkg {id: row.`id:ID`})
SET n:Article,
    n.kind = CASE WHEN coalesce(row.`kind`, '') = '' THEN null ELSE row.`kind` END,
    n.name = CASE WHEN coalesce(row.`name`, '') = '' THEN null ELSE row.`name` END,
    n.aliases = CASE WHEN coalesce(row.`aliases:string[]`, '') = '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.titles = CASE WHEN coalesce(row.`titles:string[]`, '') = '' THEN null ELSE split(row.`titles:string[]`, ';') END,
    n.date = CASE WHEN coalesce(row.`date`, '') = '' THEN null ELSE row.`date` END,
    n.time = CASE WHEN coalesce(row.`time`, '') = '' THEN null ELSE row.`time` END,
    n.event_type = CASE WHEN coalesce(row.`event_type`, '') = '' THEN null ELSE row.`event_type` END,
    n.headline = CASE WHEN coalesce(row.`headline`, '') = '' THEN null ELSE row.`headline` END,
    n.sources = CASE WHEN coalesce(row.`sources:string[]`, '') = '' THEN null ELSE split(row.`sources:string[]`, ';') END,
    n.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    n.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'HOLDS_POSITION'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:HOLDS_POSITION {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'CHAIRED'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:CHAIRED {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'ATTENDED'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:ATTENDED {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'SPOKE_AT'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:SPOKE_AT {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'HELD'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:HELD {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'ISSUED'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:ISSUED {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'PART_OF'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:PART_OF {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'LOCATED_IN'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:LOCATED_IN {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'REPORTED'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:REPORTED {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'MENTIONS'
MATCH (a:Zhkg {id: row.`:START_ID`})
MATCH (b:Zhkg {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONS {key: toInteger(row.`key:int`)}]->(b)
SET
    r.relation = CASE WHEN coalesce(row.`relation`, '') = '' THEN null ELSE row.`relation` END,
    r.key = toInteger(row.`key:int`),
    r.title = CASE WHEN coalesce(row.`title`, '') = '' THEN null ELSE row.`title` END,
    r.role = CASE WHEN coalesce(row.`role`, '') = '' THEN null ELSE row.`role` END,
    r.articles = CASE WHEN coalesce(row.`articles:string[]`, '') = '' THEN null ELSE split(row.`articles:string[]`, ';') END,
    r.evidence = CASE WHEN coalesce(row.`evidence:string[]`, '') = '' THEN null ELSE split(row.`evidence:string[]`, ';') END;

