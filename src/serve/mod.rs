//! `zhkg serve`: a local, read-only web app over a `graph.db`. A JSON API
//! (`/api/search`, `/api/person/{id}`, `/api/event/{id}`, `/api/node/{id}`,
//! `/api/neighbors/{id}?depth=`) and pages built on the vendored Cytoscape.js: a
//! search box over names and sentences, a person page, an event page, each fact
//! with the sentences that state it.
//!
//! Every request is answered on a blocking thread with that thread's own read-only
//! connection (SQLite connections are not shared between threads). The pages insert
//! every name and sentence as text, and are served under a content security policy
//! that runs no script but the app's own files.

mod api;

use crate::error::{Error, Result};
use crate::store::Store;
use axum::extract::{Path as UrlPath, Query as UrlQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::cell::RefCell;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const INDEX_HTML: &str = include_str!("../../assets/serve/index.html");
const APP_JS: &str = include_str!("../../assets/serve/app.js");
const APP_CSS: &str = include_str!("../../assets/serve/app.css");
const CYTOSCAPE_JS: &str = include_str!("../../assets/cytoscape/cytoscape.min.js");

/// No script but the app's own files, no plugins, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Most requests answered at once: more wait for a thread.
const THREADS: usize = 8;

thread_local! {
    /// This thread's connection, opened at its first request.
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// Serves `db` on `addr` until the process is stopped; `ready` is told the address
/// bound (the port chosen when 0 was asked for) once requests are taken.
pub fn serve(db: &Path, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    // A database that is not there or not zhkg's is refused before anything listens.
    drop(Store::open(db)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(THREADS)
        .enable_io()
        .build()
        .map_err(|e| Error::io(db, e))?;
    let db = Arc::new(db.to_path_buf());
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::Io {
                path: PathBuf::from(addr.to_string()),
                source: e,
            })?;
        let bound = listener.local_addr().map_err(|e| Error::Io {
            path: PathBuf::from(addr.to_string()),
            source: e,
        })?;
        ready(bound);
        axum::serve(listener, router(db))
            .await
            .map_err(|e| Error::Io {
                path: PathBuf::from(bound.to_string()),
                source: e,
            })
    })
}

fn router(db: Arc<PathBuf>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { page(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { page(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { page(APP_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/cytoscape.min.js",
            get(|| async { page(CYTOSCAPE_JS, "text/javascript; charset=utf-8") }),
        )
        .route("/api/search", get(search))
        .route("/api/person/{id}", get(node_page))
        .route("/api/event/{id}", get(node_page))
        .route("/api/node/{id}", get(node_page))
        .route("/api/neighbors/{id}", get(neighbors))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such page".into()) })
        .with_state(db)
}

fn page(body: &'static str, kind: &'static str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn json<T: serde::Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut r = bytes.into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn error(status: StatusCode, message: String) -> Response {
    let mut r = json(&serde_json::json!({ "error": message }));
    *r.status_mut() = status;
    r
}

/// Runs `f` with this thread's connection to `db`, on a blocking thread.
async fn with_store<T: Send + 'static>(
    db: Arc<PathBuf>,
    f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
) -> Result<T> {
    let done = tokio::task::spawn_blocking(move || {
        STORE.with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.is_none() {
                let store = Store::open(&db)?;
                store.map_file()?;
                *cell = Some(store);
            }
            cell.as_ref().expect("opened above").in_snapshot(f)
        })
    })
    .await;
    done.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

fn answer<T: serde::Serialize>(found: Result<Option<T>>, what: &str) -> Response {
    match found {
        Ok(Some(v)) => json(&v),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no node with id {what}")),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

#[derive(serde::Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    after: i64,
}

async fn search(State(db): State<Arc<PathBuf>>, UrlQuery(p): UrlQuery<SearchParams>) -> Response {
    let found = with_store(db, move |s| api::search(s, &p.q, p.after).map(Some)).await;
    answer(found, "")
}

async fn node_page(State(db): State<Arc<PathBuf>>, UrlPath(id): UrlPath<String>) -> Response {
    let what = id.clone();
    let found = with_store(db, move |s| api::page(s, &id)).await;
    answer(found, &what)
}

#[derive(serde::Deserialize)]
struct DepthParams {
    depth: Option<usize>,
}

async fn neighbors(
    State(db): State<Arc<PathBuf>>,
    UrlPath(id): UrlPath<String>,
    UrlQuery(p): UrlQuery<DepthParams>,
) -> Response {
    let depth = p.depth.unwrap_or(1).min(3);
    let what = id.clone();
    let found = with_store(db, move |s| api::neighbors(s, &id, depth)).await;
    answer(found, &what)
}
