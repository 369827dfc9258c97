/** POSTs a form with XMLHttpRequest so the upload's progress can be shown; resolves with status and JSON body. */
export function uploadWithProgress(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(xhr.responseText || "{}") as Record<string, unknown>;
      } catch {
        json = { error: `The server answered ${xhr.status}.` };
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => reject(new Error("The upload failed: no connection to the server."));
    xhr.send(body);
  });
}
