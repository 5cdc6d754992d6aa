package dev.byron.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.core.runtime.content.IContentTypeManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Eclipse workbench with the Byron plug-in: .byron files are Byron models and open in the Generic Editor. */
class ByronEditorTest {

    private static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";
    private static IProject project;

    @BeforeAll
    static void importTheMicroblogExample() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("microblog");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        Path example = Path.of(System.getProperty("byron.examples"), "microblog");
        try (var files = Files.list(example)) {
            for (Path source : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".byron") && Files.isRegularFile(p))::iterator) {
                IFile file = project.getFile(source.getFileName().toString());
                if (!file.exists()) {
                    file.create(new ByteArrayInputStream(Files.readAllBytes(source)), true, null);
                }
            }
        }
    }

    @AfterAll
    static void closeEditors() {
        page().closeAllEditors(false);
    }

    @Test
    void aByronFileHasTheByronContentType() throws CoreException {
        IFile posts = project.getFile("posts.byron");
        IContentType type = posts.getContentDescription().getContentType();

        assertEquals("dev.byron.eclipse.model", type.getId());
        assertEquals("Byron model", type.getName());
        assertEquals("UTF-8", type.getDefaultCharset());
        assertTrue(type.isKindOf(Platform.getContentTypeManager().getContentType(IContentTypeManager.CT_TEXT)));
        assertEquals(type, Platform.getContentTypeManager().findContentTypeFor("any-name.byron"));
    }

    @Test
    void aByronFileOpensInTheGenericEditorWithItsText() throws Exception {
        IFile posts = project.getFile("posts.byron");

        assertEquals(GENERIC_EDITOR, IDE.getEditorDescriptor(posts, true, false).getId());
        IEditorPart editor = IDE.openEditor(page(), posts);
        assertEquals(GENERIC_EDITOR, editor.getEditorSite().getId());

        ITextEditor textEditor = editor.getAdapter(ITextEditor.class);
        assertNotNull(textEditor);
        IDocument document = textEditor.getDocumentProvider().getDocument(editor.getEditorInput());
        String onDisk = new String(posts.getContents().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(onDisk, document.get());
        assertTrue(document.get().contains("component posts"), document.get());

        screenshot(Path.of(System.getProperty("byron.screenshots"), "eclipse-generic-editor.png"));
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static void screenshot(Path png) throws IOException {
        Display display = Display.getCurrent();
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1200, 800);
        while (display.readAndDispatch()) {
            // let the window paint at its new size
        }
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Files.createDirectories(png.getParent());
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
        loader.save(png.toString(), SWT.IMAGE_PNG);
        image.dispose();
    }
}
